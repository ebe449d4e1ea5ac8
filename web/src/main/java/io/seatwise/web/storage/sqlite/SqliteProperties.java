package io.seatwise.web.storage.sqlite;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the SQLite database in the data directory; unused on PostgreSQL.
 *
 * @param bulkWrites large transactions ahead, as in {@code seatwise.jar replay}, whose {@code replay} profile sets it
 *     ({@code application-replay.yml}): a larger page cache and rarer checkpoints ({@link SqliteDatabase})
 */
@ConfigurationProperties("seatwise.sqlite")
public record SqliteProperties(@DefaultValue("false") boolean bulkWrites) {}
