/**
 * Saves text or a blob as a file the browser downloads, with a name that says what it holds.
 */

export function downloadText(fileName: string, text: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click returns; let them finish first.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a scenario's name: lower case, dashes, no odd characters. */
export function fileStem(name: string | undefined): string {
  const stem = (name ?? 'scenario')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return stem || 'scenario';
}
