import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useCitizenSigningOut, useCitizenToken } from './api';
import { portalLoginPath } from './labels';

/** Pages for signed-in citizens only: anyone else goes to the portal login, and comes back here afterwards. */
export function RequireCitizen({ children }: { children: ReactNode }) {
  const token = useCitizenToken();
  const signingOut = useCitizenSigningOut(); // 退出登录 is on its way to the portal home
  const { pathname, search } = useLocation();
  if (!token && signingOut) return null;
  if (!token) return <Navigate to={portalLoginPath(pathname + search)} replace />;
  return <>{children}</>;
}
