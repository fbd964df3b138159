import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router-dom';
import type { LoginResult, MeView } from '@jsga/contracts';
import { api, clearToken, getToken, setToken, setUnauthorizedHandler, subscribeToken, TOKEN_KEY } from './request';

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
  /**
   * Forgets the local session (token + every cached query) and goes to the login page, optionally
   * with a notice shown there. Does not call the server (see `logout`).
   */
  endSession: (notice?: string) => void;
  /** True between `endSession` and the next login: guards must not add their own redirect. */
  isEndingSession: () => boolean;
  switchPosition: (positionId: string) => Promise<MeView>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [token, setTokenState] = useState<string | null>(() => getToken());
  // True between `endSession` and arriving on /login (state, so that guards re-render when it clears).
  const [ending, setEnding] = useState(false);

  useEffect(() => subscribeToken(setTokenState), []);

  // Another tab logged in or out: follow it, and drop data cached for the previous session.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key !== TOKEN_KEY) return;
      setEnding(false);
      queryClient.clear();
      setTokenState(e.newValue);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [queryClient]);

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
      setEnding(false);
      queryClient.clear();
      setToken(result.token);
      return queryClient.fetchQuery({ queryKey: authKeys.me, queryFn: fetchMe });
    },
    [queryClient],
  );

  const endSession = useCallback(
    (notice?: string) => {
      setEnding(true);
      // Navigate first: the router's location update is a transition, the token change is not.
      navigate('/login', { replace: true, state: notice ? { notice } : null });
      clearToken();
      queryClient.clear();
    },
    [navigate, queryClient],
  );

  const isEndingSession = useCallback(() => ending, [ending]);
  // Once on the login page the explicit navigation is done; guards redirect normally again (e.g.
  // browser back). The timer is a fallback should that navigation be superseded.
  useEffect(() => {
    if (!ending) return;
    if (location.pathname === '/login') {
      setEnding(false);
      return;
    }
    const t = setTimeout(() => setEnding(false), 1500);
    return () => clearTimeout(t);
  }, [ending, location.pathname]);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', {}, { authRedirect: false, silent: true });
    } catch {
      // the session may already be gone; logging out locally is what matters
    }
    endSession();
  }, [endSession]);

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
      endSession,
      isEndingSession,
      switchPosition,
    }),
    [token, meQuery.data, meQuery.isPending, meQuery.error, meQuery.refetch, completeLogin, logout, endSession, isEndingSession, switchPosition],
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
