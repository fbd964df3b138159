import { Alert, Button } from 'antd';

export type LocatedProblem = { path: string; message: string; block: number | null; where: string };

/** The problems of the template, each naming its place; a block's name jumps to that block. */
export function ProblemAlert({ title, problems, onOpenBlock }: { title: string; problems: readonly LocatedProblem[]; onOpenBlock: (index: number) => void }) {
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      message={title}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }} aria-label="模板问题">
          {problems.slice(0, 30).map((p) => (
            <li key={`${p.path}|${p.message}`}>
              {p.block === null ? (
                p.where
              ) : (
                <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => p.block !== null && onOpenBlock(p.block)}>
                  {p.where}
                </Button>
              )}
              ：{p.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
