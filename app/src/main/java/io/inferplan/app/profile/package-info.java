/**
 * The profile page: this machine's accelerators found and benchmarked in a process of their own, and a measured
 * device turned into the open scenario's hardware or an own catalog entry
 * ({@link io.inferplan.app.profile.ProfileViewModel}).
 */
package io.inferplan.app.profile;
