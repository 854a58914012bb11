/**
 * @file glob.h
 * @brief The fault rules' path patterns: '*' matches any run of characters, '/' included.
 *
 * Matching takes time linear in the pattern and the path together, whatever they hold (a
 * backtracking matcher took 18 s on a 30,000-character pattern against a 60,000-character
 * path, under the faults lock), and patterns are at most EMU_GLOB_MAX characters.
 */
#ifndef SPOTC_EMU_GLOB_H
#define SPOTC_EMU_GLOB_H

/** Longest pattern a fault rule may have (Spotify's longest path is under 100). */
#define EMU_GLOB_MAX 1024

/** Non-zero when @p s matches @p pattern as a whole. */
int emu_glob_match(const char *pattern, const char *s);

#endif
