/**
 * What the secretary ticks in an import preview to import a file whose title names another chapter
 * (the server's refusal quotes it, so the sentence and the screen say the same words).
 */
export const anotherChapterConfirmLabel = 'It is our file: import it into this chapter anyway';
