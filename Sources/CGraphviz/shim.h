#ifndef DOSSIER_CGRAPHVIZ_SHIM_H
#define DOSSIER_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
