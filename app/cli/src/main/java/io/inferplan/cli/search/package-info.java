/** What the configuration search is run over: the catalog's parts with the prices they are compared at. */
package io.inferplan.cli.search;
