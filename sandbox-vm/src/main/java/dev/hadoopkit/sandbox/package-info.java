/** bin/sandbox: a pseudo-distributed Hadoop cluster of real daemons plus a MySQL-compatible database. */
package dev.hadoopkit.sandbox;
