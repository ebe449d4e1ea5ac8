package io.seatwise.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class whose assertions hold a time limit: a latency, a mail on time, a Lighthouse score. The other tests run
 * in two JVMs at once (web/pom.xml), which keeps both cores busy; these run afterwards, one at a time, so that no
 * other test's load makes them late.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("time-sensitive")
public @interface TimeSensitive {}
