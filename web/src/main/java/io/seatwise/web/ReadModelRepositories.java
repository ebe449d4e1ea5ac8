package io.seatwise.web;

import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Where the query side's entities and repositories are. A configuration of its own rather than annotations on
 * {@link SeatwiseApplication}, so that the web slices ({@code @WebMvcTest}), which start no database, do not ask for
 * them.
 */
@Configuration
@EntityScan("io.seatwise.query")
// Reads run outside transactions on purpose: on SQLite every transaction takes the write lock (see README).
@EnableJpaRepositories(basePackages = "io.seatwise.query", enableDefaultTransactions = false)
class ReadModelRepositories {}
