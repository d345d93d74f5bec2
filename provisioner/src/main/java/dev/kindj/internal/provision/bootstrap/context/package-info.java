/**
 * What creation steps are written against: the step contract, the context they share, and the commands they run in
 * nodes. The steps depend on this package, and the assemblers of step lists depend on the steps; nothing here knows
 * either.
 */
package dev.kindj.internal.provision.bootstrap.context;
