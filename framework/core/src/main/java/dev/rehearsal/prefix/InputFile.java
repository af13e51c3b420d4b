package dev.rehearsal.prefix;

import org.apiguardian.api.API;

/**
 * An input file as it was read: its size and the SHA-256 of exactly the bytes read. Recorded in the
 * run manifest so a decision can be traced to the bytes behind it (issue 12, item 4).
 *
 * @param file the path read
 * @param size bytes read (equal to the file's size at the start and at the end of the read)
 * @param sha256 lower-case hex SHA-256 of those bytes
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record InputFile(String file, long size, String sha256) {}
