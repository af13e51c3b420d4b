package dev.rehearsal.jupiter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * One {@code @ParameterizedTest} invocation per sampled item of the gate {@link #value()} (for
 * small "challenging prompts" suites where each example is its own test): the parameter is a
 * {@link GateItem}. The gate is rehearsed once per class, shared with {@link ReleaseGate}.
 *
 * @since 0.1
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(GateSamplesProvider.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface GateSamples {

  /** The gate file, as for {@link ReleaseGate#value()}. */
  String value();
}
