package io.seatwise.web.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Every connection borrowed from the pool is given back exactly once. HikariCP hands a returned connection to the
 * next borrower at once, and closing it a second time clears the statements of whoever holds it by then: under load
 * that fails another thread's query at random. The pool is watched through a wrapper around the real one.
 */
@Import(PooledConnectionsTest.WatchedPool.class)
class PooledConnectionsTest extends ApplicationTest {

    /** Where connections were closed that had been closed before. */
    static final List<Throwable> closedAgain = new CopyOnWriteArrayList<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class WatchedPool {

        @Bean
        static BeanPostProcessor watchPool() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource pool && name.equals("dataSource") ? new Watched(pool) : bean;
                }
            };
        }
    }

    static final class Watched extends DelegatingDataSource {

        Watched(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return watch(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return watch(super.getConnection(username, password));
        }

        private static Connection watch(Connection borrowed) {
            InvocationHandler handler = new InvocationHandler() {
                private boolean closed;

                @Override
                public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        synchronized (this) {
                            if (closed) {
                                closedAgain.add(new IllegalStateException("closed a second time"));
                                return null;
                            }
                            closed = true;
                        }
                    }
                    try {
                        return method.invoke(borrowed, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            };
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        }
    }

    @Test
    void commandsAndProjectionsGiveEachConnectionBackOnce() {
        var admin = adminToken();
        var event = api.scheduleEvent(admin, api.createVenue(admin, "Hall", 2, 5), "Matinee", inDays(3));
        var user = api.newUserToken("Ann");

        assertThat(api.book(user, event, List.of(1, 2)).status()).isEqualTo(201);
        assertThat(api.book(user, event, List.of(2, 3)).status()).isEqualTo(409);
        eventually(() -> api.seatMapShows(event, List.of(1, 2)));
        eventually(() -> api.get("/api/me/bookings", user).json().size() == 1);

        assertThat(closedAgain)
                .as(() -> closedAgain.size() + " connections closed again, first here:\n" + trace(closedAgain.get(0)))
                .isEmpty();
    }

    private static String trace(Throwable where) {
        var text = new java.io.StringWriter();
        where.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
