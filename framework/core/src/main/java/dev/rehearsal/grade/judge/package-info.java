/** LLM judge graders: prompt rendering with delimited untrusted text, strict verdict parsing, retries and majority votes. */
@NullMarked
package dev.rehearsal.grade.judge;

import org.jspecify.annotations.NullMarked;
