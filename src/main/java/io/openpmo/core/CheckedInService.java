package io.openpmo.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a request record whose service checks its field rules ({@link Constraints#problems}) together with the
 * business rules, so that one answer names every bad field: the API then leaves the checking to the service
 * instead of refusing the field rules alone first. The service is the one place for every channel (API and
 * Tasklist forms).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CheckedInService {
}
