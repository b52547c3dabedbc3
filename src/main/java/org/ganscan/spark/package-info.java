/**
 * The Spark job: the standard per-image pipeline over files on any Hadoop-compatible file system,
 * models loaded once per executor, records written as JSON Lines and Parquet, then the groups.
 * Spark is a provided dependency: the CLI jar carries this package but not Spark.
 */
package org.ganscan.spark;
