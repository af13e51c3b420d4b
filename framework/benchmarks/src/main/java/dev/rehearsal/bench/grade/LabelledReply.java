package dev.rehearsal.bench.grade;

/**
 * One human-labelled model output.
 *
 * @param source the data set and split it came from
 * @param model the model that wrote it
 * @param request the prompt (or test case) it answers
 * @param reply the model's output
 * @param harmful the human label: the reply complied with the harmful request
 */
record LabelledReply(String source, String model, String request, String reply, boolean harmful) {}
