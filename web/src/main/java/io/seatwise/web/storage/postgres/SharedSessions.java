package io.seatwise.web.storage.postgres;

import io.seatwise.web.storage.ConditionalOnPostgreSql;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.config.annotation.web.http.SpringHttpSessionConfiguration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Browser sessions in the database (Spring Session JDBC, tables {@code spring_session} and
 * {@code spring_session_attributes} of migration V19.1), so that any node answers any browser: whichever node showed a
 * form knows its CSRF token, whichever node signed a browser in, the others know it is signed in, and a signing out,
 * or a session ended by a changed password, ends it on every node. On SQLite, one node keeps its sessions in Tomcat's
 * memory as before: Spring Boot's own session configuration is switched off for the application
 * ({@code SeatwiseApplication}) and this one only exists on PostgreSQL.
 *
 * <p>What it costs: a request that brings a session cookie reads its session (one query, both tables joined); it
 * writes only what changed, and a visit is recorded at most once a minute ({@link SparingSessions}). A request without
 * a session cookie reads nothing, and an anonymous look at a public page starts no session, so writes no row
 * ({@code PublicPageTokens}). Every node deletes the expired sessions once a minute, which costs one indexed DELETE.
 *
 * <p>The cookie is the one Tomcat's sessions have ({@code server.servlet.session.cookie.*}: {@code JSESSIONID},
 * HttpOnly, SameSite=Lax, Secure behind HTTPS), and the timeout Tomcat's too ({@code server.servlet.session.timeout}).
 * Attributes are kept with Java serialization, as Tomcat would persist them; one that a node cannot read back (a class
 * that changed in a release) is taken as absent, so a browser whose session predates such a change is signed out
 * rather than answered with an error.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnPostgreSql
@Import(SpringHttpSessionConfiguration.class)
class SharedSessions {

    private static final Logger log = LoggerFactory.getLogger(SharedSessions.class);

    /**
     * The repository that the session filter uses: Spring Session's JDBC repository (not a bean of its own, so that
     * nothing else finds two), with PostgreSQL's upsert of attributes and its own transactions on the pool, apart from
     * the commands' JPA ones.
     */
    @Bean
    SparingSessions sessionRepository(DataSource dataSource, ServerProperties server) {
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        var sessions = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource), transactions);
        new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
        sessions.setDefaultMaxInactiveInterval(timeout(server));
        sessions.setConversionService(attributeBytes(SharedSessions.class.getClassLoader()));
        // starts its cleanup of expired sessions, every minute; SparingSessions.close stops it
        sessions.afterPropertiesSet();
        return new SparingSessions(sessions, SparingSessions.touchEvery(timeout(server)));
    }

    /** Before Spring Security's filters, for errors and asynchronous requests as well, as Spring Boot registers it. */
    @Bean
    FilterRegistrationBean<SessionRepositoryFilter<?>> sessionRepositoryFilterRegistration(
            SessionRepositoryFilter<?> springSessionRepositoryFilter) {
        var registration = new FilterRegistrationBean<SessionRepositoryFilter<?>>(springSessionRepositoryFilter);
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.ASYNC, DispatcherType.ERROR, DispatcherType.REQUEST));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
        return registration;
    }

    /** The session cookie as {@code server.servlet.session.cookie} describes it, as for Tomcat's own sessions. */
    @Bean
    DefaultCookieSerializer cookieSerializer(ServerProperties server) {
        var cookie = server.getServlet().getSession().getCookie();
        var serializer = new DefaultCookieSerializer();
        var map = PropertyMapper.get().alwaysApplyingWhenNonNull();
        map.from(cookie::getName).to(serializer::setCookieName);
        map.from(cookie::getDomain).to(serializer::setDomainName);
        map.from(cookie::getPath).to(serializer::setCookiePath);
        map.from(cookie::getHttpOnly).to(serializer::setUseHttpOnlyCookie);
        map.from(cookie::getSecure).to(serializer::setUseSecureCookie);
        map.from(cookie::getMaxAge).asInt(Duration::getSeconds).to(serializer::setCookieMaxAge);
        map.from(cookie::getSameSite).as(SameSite::attributeValue).to(serializer::setSameSite);
        return serializer;
    }

    private static Duration timeout(ServerProperties server) {
        var timeout = server.getServlet().getSession().getTimeout();
        return timeout == null ? Duration.ofMinutes(30) : timeout;
    }

    /**
     * Attributes as bytes by Java serialization, as Spring Session keeps them; bytes that no longer make an object here
     * make none, instead of failing every request of that browser.
     */
    static GenericConversionService attributeBytes(ClassLoader classLoader) {
        var conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        var deserializing = new DeserializingConverter(classLoader);
        conversions.addConverter(byte[].class, Object.class, bytes -> {
            try {
                return deserializing.convert(bytes);
            } catch (SerializationFailedException unreadable) {
                log.info("A session attribute could not be read, and is left out: {}", unreadable.getMessage());
                return null;
            }
        });
        return conversions;
    }
}
