/**
 * Reading the user's files safely: bounded sizes and clear errors for text that is not what it claims to be.
 */
package io.inferplan.app.files;
