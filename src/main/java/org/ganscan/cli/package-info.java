/** The command line: the only code that prints. */
package org.ganscan.cli;
