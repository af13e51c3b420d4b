/** The open-ended automated audit: findings no tracked category explains, grouped into candidate categories. */
@NullMarked
package dev.rehearsal.grade.audit;

import org.jspecify.annotations.NullMarked;
