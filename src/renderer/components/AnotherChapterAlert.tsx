// The preview of a file whose title names another chapter: the yellow note says which, and the import
// waits until the secretary ticks that the file is theirs all the same (the server refuses it otherwise).
import { Alert, Checkbox } from '@mantine/core';
import { anotherChapterConfirmLabel } from '../../shared/another-chapter';

export function AnotherChapterAlert({ warning, confirmed, onConfirm, mt }: { warning: string; confirmed: boolean; onConfirm: (confirmed: boolean) => void; mt?: string }) {
  return (
    <Alert mt={mt} color="yellow" title="Another chapter's file?">
      {warning}
      <Checkbox mt="xs" label={anotherChapterConfirmLabel} checked={confirmed} onChange={(e) => onConfirm(e.currentTarget.checked)} />
    </Alert>
  );
}

/** The line beside a held Import button. */
export const anotherChapterHeld = `This file names another chapter: tick "${anotherChapterConfirmLabel}" above to import it.`;
