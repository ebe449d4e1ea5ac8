/**
 * The one place where the database shows: everything that differs between SQLite (one node, the default) and
 * PostgreSQL (several nodes on one database) lives here, and the database is chosen once, at startup, by the URL in
 * {@code spring.datasource.url} ({@link io.seatwise.web.storage.ConditionalOnSqlite},
 * {@link io.seatwise.web.storage.ConditionalOnPostgreSql}): {@code storage.sqlite} and {@code storage.postgres} each
 * hold one configuration that builds the data source, the two transaction managers, the token store, the node lock,
 * the keeper of generated secrets and the throttles' buckets ({@link io.seatwise.web.storage.ThrottleBuckets}), and
 * nothing asks at run time which database it is on. What both share is here too: Axon's JDBC event store, the
 * duplicate-key resolver that turns a lost race into a concurrency error, the snapshotter, which holds the writer only
 * to store a snapshot, and the processing groups' dead letter queues, written in the read models' transactions with a
 * savepoint per event ({@code DeadLetterStorage}).
 *
 * <p>Feature code never names anything here but the two interfaces {@link io.seatwise.web.storage.NodeLock} and
 * {@link io.seatwise.web.storage.KeptSecrets}; it uses Spring's and Axon's standard types, of which this package
 * provides the beans:
 *
 * <ul>
 *   <li>commands go through Axon's {@code CommandGateway} as everywhere; on SQLite the command bus behind it stores
 *       the commands that arrive while another is being stored in one transaction ({@code sqlite.GroupCommit}), on
 *       PostgreSQL the gateway tries a command again that lost a race against another node;
 *   <li>the primary {@code PlatformTransactionManager} and Axon {@code TransactionManager} are the commands': they
 *       write the event store;
 *   <li>the read models, the processors' tokens and the mail outbox are written in the transactions of the
 *       {@value io.seatwise.web.storage.ReadModels#QUALIFIER} managers. Axon's event processors get them as their
 *       default transaction manager; other code that writes there asks for the single bean of Spring's
 *       {@code TransactionOperations} type, a {@code TransactionTemplate} over them, and so never names a qualifier.
 *       On SQLite the read models are a file of their own with a writer of its own; on PostgreSQL the two managers
 *       write the same database.
 * </ul>
 *
 * <p>A replay run ({@code java -jar seatwise.jar replay}) has the Spring profile {@code replay}, whose
 * {@code application-replay.yml} sets {@code seatwise.sqlite.bulk-writes}: SQLite's larger cache and rarer
 * checkpoints for large transactions.
 */
package io.seatwise.web.storage;
