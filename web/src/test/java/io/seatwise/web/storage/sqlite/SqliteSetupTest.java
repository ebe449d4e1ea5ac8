package io.seatwise.web.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.seatwise.web.ApplicationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ways Axon on SQLite went wrong before, each pinned down against the running application's database. */
class SqliteSetupTest extends ApplicationTest {

    private static final String TYPE = "SqliteSetupTest";

    @Autowired
    EventStorageEngine eventStorageEngine;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    private static GenericDomainEventMessage<String> event(String aggregateId, long sequence, String payload) {
        return new GenericDomainEventMessage<>(TYPE, aggregateId, sequence, payload);
    }

    private List<Object> storedPayloads(String aggregateId) {
        var payloads = new ArrayList<>();
        eventStorageEngine.readEvents(aggregateId).asStream().forEach(event -> payloads.add(event.getPayload()));
        return payloads;
    }

    @Test
    void appendingATakenSequenceNumberIsAConcurrencyConflict() {
        var aggregateId = UUID.randomUUID().toString();
        eventStorageEngine.appendEvents(event(aggregateId, 0, "created"), event(aggregateId, 1, "first"));

        var failure = catchThrowable(() -> eventStorageEngine.appendEvents(event(aggregateId, 1, "second")));

        assertThat(failure).isInstanceOf(ConcurrencyException.class);
        assertThat(storedPayloads(aggregateId)).containsExactly("created", "first");
    }

    @Test
    void creatingAnAggregateTwiceIsAStreamCreationConflict() {
        var aggregateId = UUID.randomUUID().toString();
        eventStorageEngine.appendEvents(event(aggregateId, 0, "first"));

        var failure = catchThrowable(() -> eventStorageEngine.appendEvents(event(aggregateId, 0, "second")));

        assertThat(failure).isInstanceOf(AggregateStreamCreationException.class);
        assertThat(storedPayloads(aggregateId)).containsExactly("first");
    }

    @Test
    void eventTableHasAUniqueKeyOnAggregateAndSequenceNumber() {
        var uniqueKeys = new ArrayList<List<String>>();
        for (var index : jdbc.queryForList("PRAGMA index_list('DomainEventEntry')")) {
            if (((Number) index.get("unique")).intValue() == 1) {
                uniqueKeys.add(jdbc
                        .queryForList(
                                "SELECT name FROM pragma_index_info(?) ORDER BY seqno", String.class, index.get("name"))
                        .stream()
                        .toList());
            }
        }

        assertThat(uniqueKeys).contains(List.of("aggregateIdentifier", "sequenceNumber"));
    }

    @Test
    void databaseRunsInWriteAheadLogMode() throws Exception {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery("PRAGMA journal_mode")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void seatMapsAreCachedInEhcache() {
        assertThat(context.getBean("seatMapCache")).isInstanceOf(EhCache3Adapter.class);
    }
}
