/** A multipart body as a browser sends it (one `file` part plus optional text fields), for upload tests. */
export function multipart(fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----jsga' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`), content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A small valid PDF's bytes, as a scanned material would be. */
export const samplePdf = (text = 'material') => Buffer.from(`%PDF-1.7\n1 0 obj <<>> endobj\n% ${text}\n%%EOF\n`);
