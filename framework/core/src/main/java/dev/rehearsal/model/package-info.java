@NullMarked
package dev.rehearsal.model;

import org.jspecify.annotations.NullMarked;
