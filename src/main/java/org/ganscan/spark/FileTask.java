package org.ganscan.spark;

import java.io.Serializable;

/**
 * One input file for a task: its place in the batch's order, the path its record shows (as the
 * CLI would show it) and where it is: a local path, or a Hadoop file system URI.
 */
record FileTask(long index, String shown, String location, boolean local) implements Serializable {}
