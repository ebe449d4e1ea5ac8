package io.seatwise.web.operations;

import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.SubscribableMessageSource;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The event processing of a replay run ({@code java -jar seatwise.jar replay}, profile {@value ReplayCommand#PROFILE}).
 *
 * <p>Every processing group that a replay rebuilds is assigned to one processor, {@value #PROCESSOR}, instead of a
 * processor of its own. A running application's processors each read and deserialize the whole store and commit
 * batches of their own; on SQLite, where one transaction writes at a time, they take turns for the writer. This one
 * reads the store once, a thread ahead of the handlers ({@link ReadAhead}), hands each event to the handlers of every
 * group and commits {@value #BATCH} events at a time. Its position is kept in memory only: the groups' own tokens are
 * what counts, and move on with each batch ({@link GroupTokens}).
 *
 * <p>It is Axon's tracking processor, not the pooled one the application runs: a pooled processor's work package takes
 * no more than about a thousand events ahead of its handlers, which caps its batches there, and a replay's commits grow
 * cheaper per event with larger batches (each writes the pages it changed to the WAL once).
 *
 * <p>The groups that are never replayed (mail, which is {@code @DisallowReplay}, and the command side's subscribing
 * booking ledger) are assigned to {@value #NOT_REPLAYED}, which no event reaches: nothing else runs in a replay.
 */
@Configuration(proxyBeanMethods = false)
@Profile(ReplayCommand.PROFILE)
class ReplayConfiguration {

    static final String PROCESSOR = "replay";
    static final String NOT_REPLAYED = "not-replayed";

    /**
     * Events per transaction. Large, because a commit writes every page that its transaction changed to the WAL, and
     * the pages of the read models' indexes are changed by many events of a batch, yet written once.
     */
    static final int BATCH = 20_000;

    /** Events read and deserialized ahead of the handlers: the next batch and one more. */
    private static final int READ_AHEAD = 2 * BATCH;

    /**
     * The groups that a running application rebuilds on its operations page: those with a streaming processor of
     * their own that are not {@code @DisallowReplay}.
     */
    @Bean
    GroupTokens groupTokens(
            TokenStore tokens,
            ListableBeanFactory beans,
            EventProcessorProperties processors,
            @Value("${seatwise.processors.segments}") int segments) {
        var groups = new TreeSet<String>();
        for (var name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            var group = beans.findAnnotationOnBean(name, ProcessingGroup.class).value();
            var settings = processors.getProcessors().get(group);
            boolean subscribing = settings != null && settings.getMode() == EventProcessorProperties.Mode.SUBSCRIBING;
            if (!subscribing && beans.findAnnotationOnBean(name, DisallowReplay.class) == null) {
                groups.add(group);
            }
        }
        return new GroupTokens(tokens, groups.stream().toList(), segments);
    }

    @Bean
    ConfigurerModule oneProcessorReplaysEveryGroup(GroupTokens groups) {
        var positions = new InMemoryTokenStore();
        SubscribableMessageSource<EventMessage<?>> nothing = handlers -> () -> true;
        return configurer -> configurer.eventProcessing(processing -> processing
                .assignProcessingGroup(group -> groups.groups().contains(group) ? PROCESSOR : NOT_REPLAYED)
                .registerTrackingEventProcessor(
                        PROCESSOR,
                        axon -> new ReadAhead(axon.eventStore(), READ_AHEAD),
                        axon -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(BATCH)
                                .andEventAvailabilityTimeout(200, TimeUnit.MILLISECONDS)
                                .andInitialTrackingToken(source -> source.createHeadToken())
                                // started by the replay, after it has claimed the groups' tokens
                                .andAutoStart(false))
                .registerTokenStore(PROCESSOR, axon -> positions)
                .registerHandlerInterceptor(PROCESSOR, axon -> groups)
                // nobody reads a replay run's metrics, and counting each event is work on the writer's thread
                .registerMessageMonitor(PROCESSOR, axon -> NoOpMessageMonitor.instance())
                .registerSubscribingEventProcessor(NOT_REPLAYED, axon -> nothing)
                // A running processor logs a failing handler and goes on; a replay that went on would report success
                // over a read model with holes. The failure stops the processor, and the replay fails with it.
                .registerDefaultListenerInvocationErrorHandler(axon -> PropagatingErrorHandler.instance()));
    }

    /**
     * Nor does a replay park a failing event in its group's dead letter queue, as a running processor does: the
     * failure stops it in the same way. The queues stay, so that the reset empties them with the groups' tables.
     * Ordered after the application's own policy, which it replaces.
     */
    @Bean
    ConfigurerModule replayParksNothing() {
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing().registerDefaultDeadLetterPolicy(axon -> (letter, cause) -> {
                    throw cause instanceof RuntimeException failure ? failure : new IllegalStateException(cause);
                });
            }

            @Override
            public int order() {
                return 1;
            }
        };
    }
}
