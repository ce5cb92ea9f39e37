import type { ExportFile } from './export-files';

/**
 * Saves a file the way any web page does: a Blob URL and an <a download>. Everything stays on
 * this computer; the extension never sends a report anywhere and needs no downloads permission.
 */
export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the Blob asynchronously; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
