/**
 * The packaged app's self-check (--smoke-test): start, draw the first dashboard, make one edit and time it; and the start-up timings it prints.
 */
package io.inferplan.app.smoke;
