import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router-dom';
import type { LoginResult, MeView } from '@jsga/contracts';
import { api, clearToken, getToken, setToken, setUnauthorizedHandler, subscribeToken } from './request';

export const authKeys = {
  me: ['auth', 'me'] as const,
};

export function fetchMe(): Promise<MeView> {
  return api.get<MeView>('/api/auth/me');
}

interface AuthContextValue {
  token: string | null;
  /** Current user + position; undefined while loading or when logged out. */
  me: MeView | undefined;
  meLoading: boolean;
  meError: unknown;
  refetchMe: () => void;
  /** Stores the token of a successful login and loads the MeView. */
  completeLogin: (result: LoginResult) => Promise<MeView>;
  /** Server logout (best effort), then forgets the token and every cached query. */
  logout: () => Promise<void>;
  /** Drops the local session without calling the server (e.g. after the password changed). */
  dropSession: () => void;
  switchPosition: (positionId: string) => Promise<MeView>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [token, setTokenState] = useState<string | null>(() => getToken());

  useEffect(() => subscribeToken(setTokenState), []);

  // Router-aware 401 handling: forget the session and go to the login page, remembering where we were.
  const locationRef = useRef(location);
  locationRef.current = location;
  useEffect(
    () =>
      setUnauthorizedHandler(() => {
        clearToken();
        queryClient.clear();
        const { pathname, search } = locationRef.current;
        if (pathname !== '/login') navigate(`/login?redirect=${encodeURIComponent(pathname + search)}`, { replace: true });
      }),
    [navigate, queryClient],
  );

  const meQuery = useQuery({
    queryKey: authKeys.me,
    queryFn: fetchMe,
    enabled: !!token,
    staleTime: 60_000,
  });

  const completeLogin = useCallback(
    async (result: LoginResult) => {
      queryClient.clear();
      setToken(result.token);
      return queryClient.fetchQuery({ queryKey: authKeys.me, queryFn: fetchMe });
    },
    [queryClient],
  );

  const dropSession = useCallback(() => {
    clearToken();
    queryClient.clear();
  }, [queryClient]);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', {}, { authRedirect: false, silent: true });
    } catch {
      // the session may already be gone; logging out locally is what matters
    }
    dropSession();
  }, [dropSession]);

  const switchPosition = useCallback(
    async (positionId: string) => {
      const me = await api.post<MeView>('/api/auth/switch-position', { positionId });
      queryClient.setQueryData(authKeys.me, me);
      // Permissions and data scope changed: everything on screen may differ now.
      await queryClient.invalidateQueries();
      return me;
    },
    [queryClient],
  );

  const value = useMemo<AuthContextValue>(
    () => ({
      token,
      me: token ? meQuery.data : undefined,
      meLoading: !!token && meQuery.isPending,
      meError: meQuery.error,
      refetchMe: () => void meQuery.refetch(),
      completeLogin,
      logout,
      dropSession,
      switchPosition,
    }),
    [token, meQuery.data, meQuery.isPending, meQuery.error, meQuery.refetch, completeLogin, logout, dropSession, switchPosition],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}

/** Only accepts same-app paths as post-login targets (no open redirects). */
export function safeRedirect(target: string | null | undefined, fallback = '/workbench'): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/login')) return fallback;
  return target;
}
