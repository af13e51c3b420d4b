package dev.rehearsal.jupiter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rehearses the gate {@link #value()} (a class-path resource such as {@code gates/x.gate.yaml}, or
 * a file relative to the project root) and injects the finished {@link dev.rehearsal.run.GateRun}
 * into test parameters of that type. The rehearsal runs once per test class and gate file; a
 * method-level annotation overrides the class-level one.
 *
 * @since 0.1
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ReleaseGateExtension.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface ReleaseGate {

  /** The gate file. */
  String value();
}
