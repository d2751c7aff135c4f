import { FileInput, type FileInputProps } from '@mantine/core';
import { useRef } from 'react';

/**
 * The file chooser of every import tab. After the chosen file has been read, the hidden <input type="file">
 * is emptied (the shown name stays), so choosing the same file again — after an import, or after fixing it
 * on disk — fires a change and gives a new preview instead of doing nothing.
 */
export function ImportFileInput({ onChange, ...props }: Omit<FileInputProps<false>, 'onChange' | 'resetRef' | 'multiple'> & { onChange: (file: File | null) => Promise<void> | void }) {
  const resetRef = useRef<() => void>(null);
  const choose = async (file: File | null) => {
    try {
      await onChange(file);
    } finally {
      resetRef.current?.();
    }
  };
  return <FileInput {...props} resetRef={resetRef} onChange={(file) => void choose(file)} />;
}
