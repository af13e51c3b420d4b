/**
 * Report building blocks shared by the console, the Allure extension and the release summary:
 * table rows, CSV/Markdown tables, the forest plot and escaping of untrusted model text.
 */
@NullMarked
package dev.rehearsal.report;

import org.jspecify.annotations.NullMarked;
