/**
 * What the window knows of a page: the {@link io.inferplan.app.page.PageView} contract it shows pages through
 * (built on first visit, told when shown and hidden, asked for its charts).
 */
package io.inferplan.app.page;
