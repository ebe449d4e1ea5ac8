package io.seatwise.web;

import io.seatwise.web.operations.ReplayCommand;
import io.seatwise.web.operations.Warmup;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Seatwise: seat-level ticket booking. The web module is the application; it scans the command and query sides,
 * which know nothing of each other.
 */
@SpringBootApplication(
        scanBasePackages = "io.seatwise",
        excludeName = {
            // Axon's JPA storage cannot read payloads through sqlite-jdbc (no getBlob), and its JPA entities would
            // need tables of their own: the JDBC engine, token store and saga store take their place.
            "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
            "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
            // The update checker calls a host outside; Seatwise runs where that is neither possible nor wanted.
            "org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration",
            // Counting log events per level puts a filter before every logger's level check, even for levels that
            // are off (about 3 % of the server's CPU in a storm of bookings); the counts are not among the metrics
            // Seatwise exposes.
            "org.springframework.boot.actuate.autoconfigure.metrics.LogbackMetricsAutoConfiguration",
            // Browser sessions are Tomcat's on SQLite and in the database on PostgreSQL, where storage/postgres
            // configures Spring Session itself; Spring Boot's would keep them in the database on SQLite too.
            "org.springframework.boot.autoconfigure.session.SessionAutoConfiguration"
        })
@ConfigurationPropertiesScan("io.seatwise.web")
public class SeatwiseApplication {

    static final String UPDATE_CHECKER_SWITCH = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        System.setProperty(UPDATE_CHECKER_SWITCH, System.getProperty(UPDATE_CHECKER_SWITCH, "true"));
        if (ReplayCommand.isReplay(args)) {
            System.exit(ReplayCommand.run(args));
        }
        Warmup.of(args).rehearse(rehearsal -> SpringApplication.run(SeatwiseApplication.class, rehearsal));
        SpringApplication.run(SeatwiseApplication.class, args);
    }
}
