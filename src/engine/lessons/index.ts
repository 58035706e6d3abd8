/** Teaching mode's engine (issue 9): lesson files, grading, the built-in catalogue. */
export * from './types.ts';
export { parseLesson, readLesson, serializeLesson, type LessonReadResult } from './parse.ts';
export { describeFlow, gradeLesson, lessonComplete, nextHint } from './grade.ts';
export { CONDITIONS, type ConditionName } from './conditions.ts';
export { LESSON_CATALOG, loadLesson, type CatalogEntry } from './catalog/index.ts';
