/**
 * Fakes for plugin authors' unit tests: a {@link io.perfopt.api.testing.FakeContext} builds the
 * {@link io.perfopt.api.spi.PlanningContext} perfopt would hand a plugin, history and learning
 * included, without an engine.
 */
package io.perfopt.api.testing;
