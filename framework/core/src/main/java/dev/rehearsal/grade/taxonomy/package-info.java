/** The default taxonomy pack: tracked categories with definitions, judge prompts, severities, failure classes and owners. */
@NullMarked
package dev.rehearsal.grade.taxonomy;

import org.jspecify.annotations.NullMarked;
