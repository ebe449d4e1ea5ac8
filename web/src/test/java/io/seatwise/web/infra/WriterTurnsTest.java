package io.seatwise.web.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On SQLite, background writers (read models, mail, snapshots) queue for the writer one at a time, so that the group
 * commit's next batch of bookings waits for at most one of them; each still gets its turn.
 */
class WriterTurnsTest extends ApplicationTest {

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    @Test
    void theNextGroupCommitIsServedAfterTheBackgroundWriterInLineButBeforeTheOnesBehindIt() throws Exception {
        // a manager of its own, so that no writer of the running application takes a turn in between
        var manager = new SqliteTransactionManager(entityManagerFactory);
        manager.afterPropertiesSet();
        var writes = new TransactionTemplate(manager);
        var order = new ConcurrentLinkedQueue<String>();
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);

        var holder = start(() -> SqliteTransactionManager.inForeground(() -> writes.executeWithoutResult(status -> {
            held.countDown();
            await(release);
        })));
        await(held);
        var firstBackground = start(() -> writes.executeWithoutResult(status -> order.add("first background")));
        eventually(() -> manager.waitsForWriter(firstBackground));
        var secondBackground = start(() -> writes.executeWithoutResult(status -> order.add("second background")));
        eventually(() -> manager.waitsInBackground(secondBackground));
        var nextBatch = start(() -> SqliteTransactionManager.inForeground(
                () -> writes.executeWithoutResult(status -> order.add("next group commit"))));
        eventually(() -> manager.waitsForWriter(nextBatch));

        release.countDown();
        for (var thread : List.of(holder, firstBackground, secondBackground, nextBatch)) {
            thread.join(10_000);
        }

        assertThat(List.copyOf(order)).containsExactly("first background", "next group commit", "second background");
    }

    private static Thread start(Runnable work) {
        var thread = new Thread(work);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
