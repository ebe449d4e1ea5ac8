package io.seatwise.web.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The tokens of the processing groups that the replay command's one processor rebuilds: each group's own processor
 * carries on from them when the application starts again. They are claimed before anything is reset, so that a replay
 * fails without touching a read model while another process runs these groups; moved back to the start together with
 * the reset; and moved on in the transaction of every batch the replay commits, so that a replay that is cut off leaves
 * each read model and its group's position in step.
 */
final class GroupTokens implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String REACHED = GroupTokens.class.getName() + ".reached";

    private final TokenStore tokens;
    private final List<String> groups;
    private final int segments;
    private final Map<String, int[]> claimed = new LinkedHashMap<>();

    /**
     * @param segments how many segments a group that has stored no tokens yet gets, as many as its processor would have
     *     made
     */
    GroupTokens(TokenStore tokens, List<String> groups, int segments) {
        this.tokens = tokens;
        this.groups = List.copyOf(groups);
        this.segments = segments;
    }

    List<String> groups() {
        return groups;
    }

    /**
     * Claims every segment of every group and moves it to the given position; throws Axon's
     * {@code UnableToClaimTokenException} while another process holds one. Runs in the read models' transaction.
     */
    void claimAt(TrackingToken start) {
        try {
            claim(start);
        } catch (RuntimeException failure) {
            // rolled back with the transaction
            claimed.clear();
            throw failure;
        }
    }

    private void claim(TrackingToken start) {
        for (var group : groups) {
            if (tokens.fetchSegments(group).length == 0) {
                tokens.initializeTokenSegments(group, segments, start);
            }
            var segmentsOfGroup = tokens.fetchSegments(group);
            for (int segment : segmentsOfGroup) {
                tokens.fetchToken(group, segment);
            }
            claimed.put(group, segmentsOfGroup);
        }
        store(start);
    }

    /** Stores the position that the replay reached (a replay's token is stored as the position it wraps). */
    void store(TrackingToken reached) {
        var position = WrappedToken.unwrapLowerBound(reached);
        claimed.forEach((group, segmentsOfGroup) -> {
            for (int segment : segmentsOfGroup) {
                tokens.storeToken(position, group, segment);
            }
        });
    }

    void release() {
        claimed.forEach((group, segmentsOfGroup) -> {
            for (int segment : segmentsOfGroup) {
                tokens.releaseClaim(group, segment);
            }
        });
        claimed.clear();
    }

    /** Notes each event's position, and once per batch stores the last of them when the batch commits. */
    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (unitOfWork.getMessage() instanceof TrackedEventMessage<?> event
                && unitOfWork.resources().put(REACHED, event.trackingToken()) == null) {
            unitOfWork.onPrepareCommit(
                    batch -> store((TrackingToken) batch.resources().get(REACHED)));
        }
        return interceptorChain.proceed();
    }
}
