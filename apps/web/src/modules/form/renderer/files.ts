import { useQueries } from '@tanstack/react-query';
import { api, fetchWithToken } from '../../../app/request';

/** What `POST /api/files/` and `GET /api/files/:id` answer. */
export interface StoredFile {
  id: string;
  fileName: string;
  size: number;
  mime: string;
  type: string;
  sha256: string;
  sm3: string;
  createdAt: string;
}


/** Uploads one file to the files centre (multipart, field `file`); a form's attachment field stores the returned id. */
export async function uploadFormFile(file: File, purpose = 'form'): Promise<StoredFile> {
  const body = new FormData();
  body.append('purpose', purpose);
  body.append('file', file, file.name);
  const res = await fetchWithToken('/api/files/', { method: 'POST', body }, '上传失败');
  return (await res.json()) as StoredFile;
}

/** Saves a stored file under its name (the content route needs the bearer token, so no plain link). */
export async function downloadFormFile(id: string, fileName: string) {
  const res = await fetchWithToken(`/api/files/${id}/content`, {}, '下载失败');
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Names of already stored attachments (ids only in the form data); unknown or foreign ids stay unnamed. */
export function useFileNames(ids: string[], known: Record<string, string>) {
  const wanted = ids.filter((id) => UUID.test(id) && !known[id]);
  const results = useQueries({
    queries: wanted.map((id) => ({
      queryKey: ['files', id],
      queryFn: () => api.get<StoredFile>(`/api/files/${id}`, undefined, { silent: true }),
      retry: false,
      staleTime: Infinity,
    })),
  });
  const names: Record<string, string> = { ...known };
  results.forEach((r, i) => {
    if (r.data) names[wanted[i]] = r.data.fileName;
  });
  return names;
}
