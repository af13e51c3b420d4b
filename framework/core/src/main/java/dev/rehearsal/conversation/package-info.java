@NullMarked
package dev.rehearsal.conversation;

import org.jspecify.annotations.NullMarked;
