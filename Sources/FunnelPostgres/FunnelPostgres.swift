import FunnelSQL
