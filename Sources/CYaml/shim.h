#ifndef NETCONV_CYAML_SHIM_H
#define NETCONV_CYAML_SHIM_H
#include <yaml.h>
#endif
