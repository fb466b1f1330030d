/**
 * The view names have one source, the core's view-names.ts (the sticky types
 * theirs, the constructs table); the protocol (which imports nothing of the
 * core) states them again for the webview and the validators. These tests hold the two equal in both directions: the values at
 * run time (order included), the types at compile time (`tsc` fails on a name
 * or a field that one side has and the other lacks).
 */
import { describe, expect, it } from 'vitest';
import type { ViewFilter, ViewOptions, ViewRef as CoreViewRef } from '../../src/language/diagrams/draw-view';
import { mapThemes } from '../../src/language/diagrams/theme';
import { layoutChoices as coreLayouts, mapThemeNames, sagaVariants as coreVariants, viewLabels, viewNames, type LayoutChoice as CoreLayout, type MapThemeName, type SagaVariant as CoreVariant, type ViewName } from '../../src/language/diagrams/view-names';
import { layoutChoices, sagaVariants, stickyKinds, themeKinds, viewKinds, viewTabLabels, type DiagramFilter, type DiagramOptions, type LayoutChoice, type SagaVariant, type StickyKind, type ThemeKind, type ViewKind, type ViewRef } from '../../src/protocol/diagrams';
import { stickyTypes, type StickyType } from '../../src/language/syntax/constructs';

/** True only when A and B are the same type (each assignable to the other, and no `any` hiding a difference). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// compile-time: each line fails `tsc -p .` when the two sides drift apart
const sameViews: Same<ViewKind, ViewName> = true;
const sameVariants: Same<SagaVariant, CoreVariant> = true;
const sameThemes: Same<ThemeKind, MapThemeName> = true;
const sameLayouts: Same<LayoutChoice, CoreLayout> = true;
const sameRefs: Same<ViewRef, CoreViewRef> = true;
const sameOptions: Same<Required<DiagramOptions>, Required<ViewOptions>> = true;
const sameFilters: Same<Required<DiagramFilter>, Required<ViewFilter>> = true;
// the tab words, literally: a word changed on one side only fails to compile
const sameStickies: Same<StickyKind, StickyType> = true;
const sameTabLabels: Same<typeof viewTabLabels, { readonly [View in ViewName]: (typeof viewLabels)[View]['tab'] }> = true;

describe('the protocol states the core\'s view names, in both directions', () => {
  it('the types agree (checked by tsc; here so a drift cannot go unnoticed)', () => {
    expect([sameViews, sameVariants, sameThemes, sameLayouts, sameRefs, sameOptions, sameFilters, sameTabLabels, sameStickies]).toEqual([true, true, true, true, true, true, true, true, true]);
  });

  it.each([
    ['views', viewKinds, viewNames],
    ['saga drawings', sagaVariants, coreVariants],
    ['map themes', themeKinds, mapThemeNames],
    ['layouts', layoutChoices, coreLayouts],
    ['sticky types (the storming rows of the constructs table)', stickyKinds, stickyTypes],
  ] as const)('%s: the same names in the same order', (_, protocol, core) => {
    expect([...protocol]).toEqual([...core]);
    for (const name of core) expect(protocol as readonly string[]).toContain(name);
    for (const name of protocol) expect(core as readonly string[]).toContain(name);
  });

  it('the tabs name the views as the core does, in the views\' order', () => {
    expect(Object.entries(viewTabLabels)).toEqual(viewNames.map((view) => [view, viewLabels[view].tab]));
  });

  it('every theme kind has its colours', () => {
    expect(Object.keys(mapThemes).sort()).toEqual([...themeKinds].sort());
  });
});
