package io.seatwise.web.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A refusal that an API route answers with an {@code application/problem+json} problem, for its description at
 * {@code /v3/api-docs}. Only the route's own refusals are named here; invalid input, a missing token and a missing
 * role are described for every route they apply to (see {@link ProblemAnswers}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ApiRefusal.List.class)
public @interface ApiRefusal {

    /** The HTTP status of the answer. */
    int status();

    /** When the route answers so, as a client needs to know it. */
    String when();

    /**
     * Names of problem examples under {@code openapi/problems/} on the class path (without {@code .json}), each an
     * answer the route really gives; named by the reasons of the product's specification where one applies.
     */
    String[] examples() default {};

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        ApiRefusal[] value();
    }
}
