/** The published records as typed values and their one codec each: scan records (JSON Lines, CSV) and groups.json. */
package org.ganscan.records;
