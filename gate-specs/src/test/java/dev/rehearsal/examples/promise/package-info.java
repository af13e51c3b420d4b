/** The example product-promise grader: billing answers cite a policy section that exists. */
@NullMarked
package dev.rehearsal.examples.promise;

import org.jspecify.annotations.NullMarked;
